package dev.marking.cli;

import java.util.ListResourceBundle;

/** Values help texts take from the registries ({@code ${bundle:extensions}}), so no help text lists them by hand. */
public final class HelpTexts extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"extensions", Engines.standard().extensionList()},
        };
    }
}
