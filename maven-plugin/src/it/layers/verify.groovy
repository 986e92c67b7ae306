def log = new File(basedir, 'build.log').getText('UTF-8')
def bad = [
    'UpwardImport.java:3:1: Disallowed import - dev.marking.core.scan.Scanner. [ImportControl]',
    'PolicyBack.java:3:1: Disallowed import - dev.marking.core.policy.Policy. [ImportControl]',
    'ShellReachingIn.java:4:1: Disallowed import - dev.marking.core.scan.Scanner. [ImportControl]',
]
bad.each { assert log.contains(it) : 'build.log lacks: ' + it }
assert !log.contains('DownwardImport.java') : 'an import flowing down was refused'
assert !log.contains('ShellReachingIn.java:3:') : 'the engine import of a shell was refused'
assert log.contains('You have 3 Checkstyle violations') : 'build.log lacks: You have 3 Checkstyle violations'
assert log.contains('BUILD FAILURE') : 'build.log lacks: BUILD FAILURE'
