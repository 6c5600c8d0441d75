package io.banli.assignment.recommendation;

/** A precedent and how similar its title is to the item's (cosine of their bigram vectors, 0…1). */
record Neighbour(Precedent precedent, double similarity) {
}
