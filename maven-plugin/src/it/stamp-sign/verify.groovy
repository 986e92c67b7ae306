def log = new File(basedir, 'build.log').getText('UTF-8')
def out = new File(basedir, 'target/marking/stamped')
def md = new File(out, '方案.000007.md')
def p7s = new File(out, '方案.000007.md.p7s')
assert md.isFile() && md.getText('UTF-8').contains('机密★5年')
assert p7s.isFile() && p7s.length() > 500 : 'the detached CMS signature is written beside the copy'
assert log.contains('marking: stamped 方案.md') && log.contains(', signed)') : 'build.log lacks the signed stamp line'
// marking:check under seal.required 秘密 + seal.trust [keys/office.pem]: an unsigned, broken or foreign seal would fail
assert log.contains('marking: 0 error(s)') : 'build.log lacks: marking: 0 error(s)'
assert !log.contains('seal.') : 'no seal finding'
assert !log.contains('it-only-Kq83') : 'the password is never logged'
// openssl accepts the detached signature too, when it is installed
def openssl = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'openssl') }.find { it.canExecute() }
if (openssl != null) {
    def p = new ProcessBuilder(openssl.path, 'cms', '-verify', '-binary', '-inform', 'DER', '-in', p7s.path, '-content',
            md.path, '-noverify', '-out', new File(basedir, 'target/openssl.out').path).redirectErrorStream(true).start()
    def said = p.inputStream.getText('UTF-8')
    assert p.waitFor() == 0 : "openssl cms -verify refused the .p7s: ${said}"
    assert said.contains('Verification successful') : said
}
return true
