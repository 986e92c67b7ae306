def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('marking: 3 files, 0 from cache, 3 read') : 'build.log lacks: marking: 3 files, 0 from cache, 3 read'
assert log.contains('marking: 0 error(s), 0 warning(s), 0 info(s)') : 'build.log lacks: marking: 0 error(s), 0 warning(s), 0 info(s)'
assert !log.contains('草稿.md') : 'build.log has: 草稿.md'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/marking/marking.json'), 'UTF-8')
assert json.summary.files == 3
assert json.files*.path.contains('docs/sub/会议纪要.md')
assert json.files.find { it.path == 'docs/季度工作安排.md' }.marking.level == '机密'
assert new File(basedir, 'target/marking/marking.txt').isFile()
assert new File(basedir, 'target/marking/marking-cache.json').isFile()
def mode = java.nio.file.Files.getPosixFilePermissions(new File(basedir, 'target/marking/marking.json').toPath())
assert mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ) : 'reports are readable like any build output: ' + mode
return true
