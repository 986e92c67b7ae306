package dev.marking.cli;

import picocli.CommandLine.Option;

/**
 * {@code --ledger FILE|URL}: where the distribution ledger is kept (stamp, trace, presend, ledger); the engine opens
 * it. A password never goes on the command line: PostgreSQL's comes from the environment or {@code ~/.pgpass}.
 */
final class LedgerOption {

    @Option(names = "--ledger", paramLabel = "FILE|URL", defaultValue = "${env:MARKING_LEDGER}",
            description = {"Distribution ledger (append-only; locked while stamping): a JSON-lines FILE (ledger.jsonl),",
                "sqlite:PATH (an SQLite database on this workstation), or postgresql://[USER@]HOST[:PORT]/DATABASE"
                    + "[?ledger=NAME] (a register several operators share); default: $MARKING_LEDGER.",
                "The PostgreSQL password is read from the PGPASSWORD environment variable or from ~/.pgpass"
                    + " (PGPASSFILE), never from the URL."})
    private String ledger;

    /** The ledger as given; null when not given. */
    String location() {
        return ledger;
    }
}
