extends SceneTree

func _init():
	print("a,b".empty(), " ", "".empty())
	print("abc".to_ascii().size(), " ", "abc".length())
	print("HeLLo".to_lower())
	print("test".md5_text().substr(0, 8))
	print("CamelCaseString".capitalize())
	print("snake_case_string".capitalize())
	print("  x  ".length(), " ", "  x  ".strip_edges().length())
	print("abc".to_utf8().get_string_from_utf8() == "abc")
	print("%.3f" % "3.14159".to_float(), " ", "42".to_int() + 1)
	print("aBc".to_upper().to_lower())
	print("x".insert(0, "y"))
	print("tab\tsep".split("\t"), " ", "a\\b".length())
	quit()
