error-31001 = Plus de café
