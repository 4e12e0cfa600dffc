package io.dynamomigrate.progress;

/** How progress is shown ({@code --progress}). */
public enum ProgressMode {

	/** A bar when standard error is a terminal, log lines otherwise. */
	AUTO,

	/** A live progress bar per step on standard error. */
	BAR,

	/** A log line (INFO) per active step every interval. */
	LOG,

	/** Nothing. */
	OFF

}
