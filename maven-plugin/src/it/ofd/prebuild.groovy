// Writes a small unmarked OFD (GB/T 33190) with java.util.zip, so the case carries no binary file.
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
def head = '<?xml version="1.0" encoding="UTF-8"?>'
def parts = [
    'OFD.xml': head + "<ofd:OFD ${ns} Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>it</ofd:DocID>" +
        '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    'Doc_0/Document.xml': head + "<ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>5</ofd:MaxUnitID><ofd:PageArea>" +
        '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>' +
        '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
    'Doc_0/Pages/Page_0/Content.xml': head + "<ofd:Page ${ns}><ofd:Content><ofd:Layer ID=\"2\">" +
        '<ofd:TextObject ID="3" Boundary="30 50 80 6" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 8 5">' +
        '关于召开年度会议的通知</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>'
]
def docs = new File(basedir, 'docs')
docs.mkdirs()
new ZipOutputStream(new FileOutputStream(new File(docs, '通知.ofd'))).withCloseable { zip ->
    parts.each { name, xml ->
        zip.putNextEntry(new ZipEntry(name))
        zip.write(xml.getBytes('UTF-8'))
        zip.closeEntry()
    }
}
return true
