extends SceneTree

func _init():
	print("a,b,,c".split(","))
	print("a,b,,c".split(",", false))
	print("a,b,,c".split(",", true, 1))
	print(",a,".split(","))
	print("".split(","))
	print("".split(",", false))
	print("a b  c".split(" "))
	print("1,2.5,3".split_floats(","))
	print("a--b--c".split("--"))
	print("a,b,c".rsplit(",", true, 1))
	print(PoolStringArray(["x", "y", "z"]).join(", "))
	print("line1\nline2\n".split("\n"))
	print("a b".split(" ", false).size())
	quit()
