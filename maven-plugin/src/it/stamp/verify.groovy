def log = new File(basedir, 'build.log').getText('UTF-8')
def out = new File(basedir, 'target/marking/stamped')
def main = new File(out, '方案.000003.md')
def sub = new File(out, 'sub/附件.000003.md')
assert main.isFile() && sub.isFile()
assert !new File(out, '说明.000003.txt').exists() : 'includes limit what is stamped'
def text = main.getText('UTF-8')
assert text.contains('机密★5年') && text.contains('000003') && text.contains('加急')
assert new File(basedir, 'docs/方案.md').getText('UTF-8') == '# 方案\n\n正文。\n' : 'inputs are untouched'
assert log.contains('marking: stamped 方案.md') : 'build.log lacks: marking: stamped 方案.md'
assert log.contains('marking: 2 files, 0 from cache, 2 read') : 'build.log lacks: marking: 2 files, 0 from cache, 2 read'
assert log.contains('marking: 0 error(s)') : 'build.log lacks: marking: 0 error(s)'
return true
