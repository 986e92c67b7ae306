def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('marking: 2 files, 0 from cache, 2 read') : 'build.log lacks: marking: 2 files, 0 from cache, 2 read'
assert !log.contains('marking.missing') : 'build.log has: marking.missing'
assert log.contains('marking: 0 error(s)') : 'build.log lacks: marking: 0 error(s)'
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
return true
