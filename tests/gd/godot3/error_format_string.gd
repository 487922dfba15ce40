extends SceneTree

func fmt(template, values):
	var result = template % values
	print("formatted")
	return result

func _init():
	print(fmt("%d %d", [1]))
	print(fmt("%d", [1, 2]))
	print(fmt("%d", ["text"]))
	print(fmt("%q", [1]))
	print(fmt("%c", ["ab"]))
	print(fmt("%c", [9731]))
	print(fmt("no placeholders", []))
	print("end")
	quit()
