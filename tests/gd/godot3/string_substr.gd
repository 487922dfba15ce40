extends SceneTree

func _init():
	var s = "abcdefgh"
	print(s.substr(2, 3), "|", s.substr(5), "|", s.substr(6, 100), "|", s.substr(10, 2), "|")
	print(s.left(3), "|", s.right(3), "|", s.left(0), "|", s.right(20), "|", s.left(-1), "|")
	print(s[0], s[7], " ", s.length(), " ", len(s))
	print(s.substr(0, 0), "|")
	var t = s
	t[0] = "X"
	print(t, " ", s)
	print(s.insert(3, "___"))
	print("  padded\t\n".strip_edges(), "|", "  x  ".strip_edges(true, false), "|", "  x  ".strip_edges(false, true), "|")
	print("xxhixx".lstrip("x"), " ", "xxhixx".rstrip("x"))
	quit()
