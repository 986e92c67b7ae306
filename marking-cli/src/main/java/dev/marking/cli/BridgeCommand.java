package dev.marking.cli;

import dev.marking.bridge.Bridge;
import dev.marking.bridge.BridgeConfig;
import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking bridge}: the loopback service behind the Word add-in and the browser page. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Runs the local service the Word add-in (and the same page in a browser) uses to check,",
            "mark and pre-send documents. Listens on 127.0.0.1 and ::1 (both, or it does not start), over",
            "HTTPS (TLS 1.3, TLS 1.2 ECDHE with AEAD ciphers) with a self-signed certificate kept in",
            "$XDG_CONFIG_HOME/marking (or ~/.config/marking), next to the access token. Prints a one-time",
            "pairing code to type into the task pane once. With --sign, every document it stamps is sealed",
            "with that key (the password from the variable --sign-password-env names); clients never send keys.",
            "", "Exit codes: 0 stopped, 2 cannot start (port in use, bad policy)."})
final class BridgeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + BridgeConfig.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--insecure-http", negatable = false,
            description = "Plain HTTP instead of HTTPS. For tests only: Office loads add-ins over HTTPS.")
    private boolean insecureHttp;

    @Option(names = "--office-js", paramLabel = "DIR",
            description = "Serve office.js from DIR (e.g. node_modules/@microsoft/office-js/dist) instead of the bundled copy.")
    private Path officeJs;

    @Mixin
    private PolicyOption policyOption;

    @Mixin
    private SignOption signOption;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, EngineException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0..65535, not " + port);
        }
        Policy policy = policyOption.load(List.of());
        BridgeConfig config = BridgeConfig.defaults(port, BridgeConfig.defaultFolder()).withHttps(!insecureHttp)
                .withPolicy(policy).withOfficeJs(officeJs).withSign(signOption.signWith());
        try (Bridge bridge = Bridge.start(config)) {
            // The hook itself stops the server and deletes uploads: the JVM exits as soon as hooks are done.
            bridge.closeOnShutdown();
            PrintWriter out = spec.commandLine().getOut();
            bridge.banner().forEach(out::println);
            out.flush();
            bridge.awaitClose();
        }
        return ExitCodes.OK;
    }
}
