package dev.marking.core.rules;

import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Finding;

/** A rule looking at the read model and making findings: imports that flow the right way. */
final class DownwardImport {

    private ReadModel model;
    private Finding finding;

    ReadModel model() {
        return model;
    }

    Finding finding() {
        return finding;
    }
}
