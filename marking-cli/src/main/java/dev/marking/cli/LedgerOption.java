package dev.marking.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --ledger FILE}: the distribution ledger a {@code ledger} subcommand works on ({@code $MARKING_LEDGER} by default). */
final class LedgerOption {

    @Option(names = "--ledger", paramLabel = "FILE", defaultValue = "${env:MARKING_LEDGER}",
            description = "Distribution ledger (JSON lines; default: $MARKING_LEDGER).")
    private Path ledger;

    Path ledger() {
        return ledger;
    }
}
