"""Text: sentences, words, syllables and text statistics."""
