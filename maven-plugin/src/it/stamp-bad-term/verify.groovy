def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('marking: the term -1 is not a term') : 'build.log lacks the reason'
assert log.contains('MojoExecutionException') || log.contains('BUILD FAILURE') : 'build.log lacks: BUILD FAILURE'
assert !new File(basedir, 'target/marking/stamped/方案.md').exists() : 'nothing is stamped'
return true
