### An app's own messages, over the built-in catalog (the doc-test of `catalog!`).

error-1 = Unknown error
error-31001 = Out of coffee
