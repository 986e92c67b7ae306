import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def copy = new File(basedir, 'target/marking/stamped/通知.000003.ofd')
assert copy.isFile() : 'the default includes find .ofd and stamp writes 通知.000003.ofd'
def page = new ZipFile(copy).withCloseable { z -> z.getInputStream(z.getEntry('Doc_0/Pages/Page_0/Content.xml')).getText('UTF-8') }
assert page.contains('机密★5年') && page.contains('第000003份') && page.contains('关于召开年度会议的通知')
assert log.contains('marking: stamped 通知.ofd') : 'build.log lacks: marking: stamped 通知.ofd'
assert log.contains('marking: 1 files, 0 from cache, 1 read') : 'build.log lacks: marking: 1 files, 0 from cache, 1 read'
assert log.contains('marking: 0 error(s)') : 'build.log lacks: marking: 0 error(s)'
return true
