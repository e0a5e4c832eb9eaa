package io.autobot.optimizer.samples.search;

import java.io.Serializable;

/**
 * One line of the corpus that matches a query.
 *
 * @param path the file
 * @param line the 1-based line number
 * @param text the line, trimmed and shortened to 120 characters
 * @param score the relevance of the file for the query (BM25), rounded to 1/1000
 */
public record SearchHit(String path, int line, String text, double score) implements Serializable {
}
