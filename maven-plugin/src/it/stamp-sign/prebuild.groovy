// A fresh signing key for this run (never a checked-in private key): keytool makes office.p12 with the password the
// build gets through invoker.environmentVariables, and exports its certificate for marking.yml's seal.trust.
def password = 'it-only-Kq83'
def keys = new File(basedir, 'keys')
keys.mkdirs()
def keytool = new File(System.getProperty('java.home'), 'bin/keytool').path
def run = { List<String> args ->
    def p = new ProcessBuilder([keytool] + args).redirectErrorStream(true).start()
    def out = p.inputStream.getText('UTF-8')
    assert p.waitFor() == 0 : "keytool ${args[0]} failed: ${out}"
}
run(['-genkeypair', '-alias', 'office', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '30', '-storetype', 'PKCS12',
     '-keystore', new File(keys, 'office.p12').path, '-storepass', password, '-dname', 'CN=IT Office,O=marking it'])
run(['-exportcert', '-rfc', '-alias', 'office', '-keystore', new File(keys, 'office.p12').path, '-storepass', password,
     '-file', new File(keys, 'office.pem').path])
return true
