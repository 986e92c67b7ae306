def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('marking: check skipped (marking.skip)') : 'build.log lacks: marking: check skipped (marking.skip)'
assert !log.contains('files, 0 from cache') : 'build.log has: files, 0 from cache'
assert !log.contains('marking.missing') : 'build.log has: marking.missing'
assert !new File(basedir, 'target/marking').exists()
assert log.contains('BUILD SUCCESS') : 'build.log lacks: BUILD SUCCESS'
return true
