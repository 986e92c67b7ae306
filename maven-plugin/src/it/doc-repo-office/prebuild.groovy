// examples/doc-repo as it is in the source tree (its documents, marking.yml and README), plus an unmarked .xlsx and
// .pptx written with Apache POI (on the script class path through addTestClassPath), so the case holds no binary file.
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import org.apache.poi.xslf.usermodel.XMLSlideShow
import org.apache.poi.xssf.usermodel.XSSFWorkbook

def example = new File(basedir, '../../../../examples/doc-repo').canonicalFile
assert new File(example, 'pom.xml').isFile() : "examples/doc-repo not found at ${example}"
def source = example.toPath()
Files.walk(source.resolve('docs')).each { p ->
    def target = basedir.toPath().resolve(source.relativize(p).toString())
    if (Files.isDirectory(p)) {
        Files.createDirectories(target)
    } else {
        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
['marking.yml', 'README.md'].each { name ->
    Files.copy(source.resolve(name), basedir.toPath().resolve(name), StandardCopyOption.REPLACE_EXISTING)
}

def reports = new File(basedir, 'docs/汇报')
new XSSFWorkbook().withCloseable { wb ->
    def sheet = wb.createSheet('季度数据')
    sheet.createRow(0).createCell(0).setCellValue('本季度项目进展数据')
    sheet.createRow(1).createCell(0).setCellValue('完成率 85%')
    new FileOutputStream(new File(reports, '季度数据.xlsx')).withCloseable { wb.write(it) }
}
new XMLSlideShow().withCloseable { show ->
    def box = show.createSlide().createTextBox()
    box.setAnchor(new java.awt.Rectangle(50, 100, 600, 80))
    box.setText('项目进展汇报')
    new FileOutputStream(new File(reports, '进展汇报.pptx')).withCloseable { show.write(it) }
}
return true
