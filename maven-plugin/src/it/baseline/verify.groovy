def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] docs/新文件.md: marking.missing:') : 'build.log lacks the new finding'
assert !log.contains('[ERROR] docs/旧文件.md') : 'build.log has the accepted finding'
assert log.contains('marking: 1 error(s), 0 warning(s), 0 info(s) (1 accepted by the baseline)') : 'build.log lacks the summary'
assert log.contains('first: docs/新文件.md: marking.missing') : 'build.log lacks the failure'
return true
