def log = new File(basedir, 'build.log').getText('UTF-8')
def first = log.indexOf('marking: 3 files, 0 from cache, 3 read')
def second = log.indexOf('marking: 3 files, 3 from cache, 0 read')
assert first >= 0 : 'first run reads every document'
assert second > first : 'second run reads none'
def cache = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/marking/marking-cache.json'), 'UTF-8')
assert cache.entries.size() == 3
assert cache.entries.every { it.sha256 ==~ /[0-9a-f]{64}/ }
return true
