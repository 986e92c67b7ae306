def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] docs/工作总结.md: marking.missing: the document carries no classification mark') : 'build.log lacks: [ERROR] docs/工作总结.md: marking.missing: the document carries no classification mark'
assert !log.contains('[ERROR] docs/试验安排.md') : 'build.log has: [ERROR] docs/试验安排.md'
assert log.contains('marking: 2 files, 0 from cache, 2 read') : 'build.log lacks: marking: 2 files, 0 from cache, 2 read'
assert log.contains('marking: 1 finding(s) at error level or above, 0 allowed') : 'build.log lacks: marking: 1 finding(s) at error level or above, 0 allowed'
assert log.contains('first: docs/工作总结.md: marking.missing') : 'build.log lacks: first: docs/工作总结.md: marking.missing'
assert log.contains('BUILD FAILURE') : 'build.log lacks: BUILD FAILURE'
assert new File(basedir, 'target/marking/marking.json').isFile() : 'reports are written before failing'
return true
