// Needs the sarif report writer in ReportWriters.
def out = new File(basedir, 'target/marking')
def sarif = new groovy.json.JsonSlurper().parse(new File(out, 'marking.sarif'), 'UTF-8')
assert sarif.version == '2.1.0'
assert sarif.runs[0].results*.ruleId.contains('marking.missing')
assert new File(out, 'marking.json').isFile()
return true
