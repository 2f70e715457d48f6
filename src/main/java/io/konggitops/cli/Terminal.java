package io.konggitops.cli;

import java.io.Console;

/**
 * The terminal the CLI runs in, if any: whether stdout and stderr are a terminal (colour, progress bar) and a way to
 * ask a question (the delete confirmation of {@code reconcile}). Injectable, so that tests can simulate a terminal;
 * {@link #NONE} is a pipe or a CI log: no colour, no progress bar, never a question.
 */
public interface Terminal {
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String ask(String prompt) {
            return null;
        }
    };

    /** stdin and stdout are a terminal: a person is there to answer and to read colour. */
    boolean interactive();

    /** stderr is a terminal (the progress bar); taken to be the same as {@link #interactive()}. */
    default boolean stderrIsTerminal() {
        return interactive();
    }

    /** Prints {@code prompt} and reads one line; null when there is nobody to answer (no terminal, end of input). */
    String ask(String prompt);

    /** The JVM's console ({@link System#console()} is null unless stdin and stdout are a terminal). */
    static Terminal system() {
        Console console = System.console();
        if (console == null) return NONE;
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String ask(String prompt) {
                return console.readLine("%s", prompt);
            }
        };
    }
}
