extends SceneTree

func fmt(template, values):
	return template % values

func _init():
	print(fmt("%s-%s", ["a", "b"]))
	print(fmt("%5.1f|%-8.3f|", [2.25, 2.25]))
	print(fmt("%08.3f|%+.2f", [-3.14159, 2.0]))
	print(fmt("%c|%c", [65, 233]))
	print(fmt("%x|%X|%o", [3735928559, 48879, 511]))
	print(fmt("%-10s|%10s|", ["left", "right"]))
	print(fmt("%.1f %.1f %.1f %.1f", [0.05, 0.15, 0.25, 0.35]))
	print(fmt("%d items", [3.99]))
	print(fmt("%s", [["nested", [1]]]))
	print(fmt("100%% sure %s", ["yes"]))
	print(fmt("%5s|%-5d|", [true, -12]))
	quit()
