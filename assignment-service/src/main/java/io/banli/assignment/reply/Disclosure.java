package io.banli.assignment.reply;

/** Whether the reply may be published (公开), or stays confidential with a stated reason. */
public enum Disclosure {
    PUBLIC, CONFIDENTIAL
}
