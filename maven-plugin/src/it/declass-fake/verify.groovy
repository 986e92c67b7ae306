// Needs the declass.fake rule (DESIGN §1.5); marking.invalid (秘密★15年 > 10 years) fires without it.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] docs/试验情况简报.md: marking.invalid:') : 'build.log lacks: [ERROR] docs/试验情况简报.md: marking.invalid:'
assert log.contains('[ERROR] docs/试验情况简报.md: declass.fake:') : 'build.log lacks: [ERROR] docs/试验情况简报.md: declass.fake:'
assert log.contains('XX部队') : 'build.log lacks: XX部队'
assert log.contains('BUILD FAILURE') : 'build.log lacks: BUILD FAILURE'
return true
