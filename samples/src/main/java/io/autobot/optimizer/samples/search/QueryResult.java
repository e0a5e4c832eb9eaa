package io.autobot.optimizer.samples.search;

import java.io.Serializable;
import java.util.List;

/**
 * The hits of one query, best files first and by line within a file.
 *
 * @param query the query as given
 * @param hits the matching lines
 */
public record QueryResult(String query, List<SearchHit> hits) implements Serializable {
}
