package io.autobot.optimizer.protocol.html;

/**
 * An inline SVG chart for an {@link HtmlPage}: its title is the SVG's accessible name and each
 * figure is written as text beside its mark, so the chart reads without the picture. Only the
 * charts of this package are charts, so everything a page holds went through {@link Html#escape}.
 */
public sealed interface Chart permits BarChart, TimeChart {

    /** The series colours (Okabe and Ito's palette, told apart by colour-blind readers too). */
    String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"};

    /** The chart as an {@code <svg>} element. */
    String svg();
}
