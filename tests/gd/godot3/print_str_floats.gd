extends SceneTree

func _init():
	var values = [1.0, 0.1 + 0.2, 1e20, 1e-5, -0.0, INF, -INF, NAN, 1.0 / 3, 1e15, 1e16, 1e-300, 12345.6789, 0.5]
	for v in values:
		print(str(v), " | ", var2str(v), " | ", to_json(v))
	quit()
