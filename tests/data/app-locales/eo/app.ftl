error-31001 = Kafo elĉerpita
