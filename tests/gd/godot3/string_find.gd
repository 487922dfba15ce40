extends SceneTree

func _init():
	var s = "hello world, hello godot"
	print(s.find("hello"), " ", s.find("hello", 1), " ", s.find("xyz"), " ", s.find(""))
	print(s.rfind("hello"), " ", s.rfind("o"), " ", s.rfind("o", 10))
	print(s.findn("HELLO"), " ", s.rfindn("WORLD"))
	print(s.find_last("hello"))
	print(s.split("hello").size() - 1)
	print(s.begins_with("hell"), " ", s.ends_with("godot"), " ", s.begins_with(""))
	print("go" in s, " ", "Go" in s)
	print(s.match("hello*godot"), " ", s.match("h?llo*"), " ", s.matchn("HELLO*"))
	print("ab".is_subsequence_of("xaxb"), " ", "ba".is_subsequence_of("xaxb"))
	quit()
