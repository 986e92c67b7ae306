def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('marking.yml') : 'build.log lacks: marking.yml'
assert log.contains('reason') : 'build.log lacks: reason'
assert !log.contains('from cache') : 'build.log has: from cache'
assert log.contains('BUILD FAILURE') : 'build.log lacks: BUILD FAILURE'
return true
