extends SceneTree

func _init():
	var words = ["hello world", "helloWorld", "HelloWorld", "hello_world_again", "  two  spaces", "ABCdef", "x2y", "mixedCASE_input here"]
	for w in words:
		print(w.to_upper(), "|", w.to_lower(), "|", w.capitalize(), "|")
	print("ÉCOLE".to_lower(), " ", "straße".to_upper())
	print("a".casecmp_to("B"), " ", "a".nocasecmp_to("B"), " ", "b".casecmp_to("a"), " ", "a".casecmp_to("a"))
	print("abc" < "abd", " ", "B" < "a", " ", "abc" < "ab", " ", "é" > "z")
	quit()
