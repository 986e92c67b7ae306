def log = new File(basedir, 'build.log').getText('UTF-8')
def text = new File(basedir, 'target/marking/stamped/方案.md').getText('UTF-8')
assert text.contains('機密★5年') : 'stamped in the policy script: ' + text
assert !text.contains('机密★5年') : 'no Simplified mark left: ' + text
assert log.contains('(機密★5年)') : 'build.log lacks: (機密★5年)'
assert log.contains('marking: 0 error(s)') : 'build.log lacks: marking: 0 error(s)'
assert !log.contains('marking.noncanonical') : 'a Traditional stamp is canonical under marking.script: traditional'
return true
