import groovy.json.JsonSlurper

// Issue 12, acceptance 4: the build fails naming the unmarked workbook and presentation, read as what they are
// (XLSX and PPTX are registered formats) and reported unmarked (marking.missing).
def log = new File(basedir, 'build.log').getText('UTF-8')
def report = new JsonSlurper().parse(new File(basedir, 'target/marking/marking.json'), 'UTF-8')
assert log.contains('BUILD FAILURE')
['docs/汇报/季度数据.xlsx': 'xlsx', 'docs/汇报/进展汇报.pptx': 'pptx'].each { path, format ->
    def file = report.files.find { it.path == path }
    assert file : "the report does not name ${path}: ${report.files*.path}"
    def rules = file.findings*.rule
    assert file.format == format : "${path} is not read as ${format} but reported as ${file.format}: ${rules}"
    assert rules.contains('marking.missing') : "${path}: ${rules}"
    assert log.contains("[ERROR] ${path}: marking.missing: ") : "build.log does not name ${path}"
}
// The example's own bad document still fails, its README stays left out by the project's policy, and the
// rest of the project (the POM, marking.yml, build.log) is counted as skipped, not silently ignored.
assert log.contains('[ERROR] docs/汇报/关于项目进展情况的汇报.md: marking.missing: ')
assert report.skipped.find { it.path == 'README.md' }?.reason == 'excluded'
assert report.skipped.find { it.path == 'pom.xml' }?.reason == 'not-document'
assert log =~ /marking: 7 files, 0 from cache, [57] read, \d+ skipped/
assert log =~ /marking: policy \S*marking\.yml \(project\)/
return true
