"""Neutral Brief: neutral summaries of news articles with a local language model."""

APP_NAME = "Neutral Brief"
