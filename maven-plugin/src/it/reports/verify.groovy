def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] docs/未定密.txt: marking.missing:') : 'build.log lacks: [ERROR] docs/未定密.txt: marking.missing:'
assert log.contains('marking: 1 error(s), 0 warning(s), 0 info(s)') : 'build.log lacks: marking: 1 error(s), 0 warning(s), 0 info(s)'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
def out = new File(basedir, 'target/marking')
def json = new groovy.json.JsonSlurper().parse(new File(out, 'marking.json'), 'UTF-8')
assert json.tool == 'marking'
assert json.summary.files == 2 && json.summary.errors == 1
assert json.files.find { it.path == 'docs/未定密.txt' }.findings*.rule == ['marking.missing']
assert json.files.find { it.path == 'docs/未定密.txt' }.marking == null
def text = new File(out, 'marking.txt').getText('UTF-8')
assert text.contains('docs/未定密.txt') && text.contains('marking.missing')
assert out.list().findAll { it.endsWith('.tmp') }.isEmpty()
return true
