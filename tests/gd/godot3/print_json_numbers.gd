extends SceneTree

func _init():
	var d = parse_json("{\"i\": 3, \"f\": 3.0, \"big\": 10000000000}")
	print(typeof(d.i), " ", d.i, " ", typeof(d.big), " ", d.big)
	print(to_json(d))
	print(to_json(2147483648))
	print(to_json(123456789012345))
	print(to_json(0.000001))
	print(to_json(1.0 / 3))
	print(to_json(-0.0))
	print(to_json([INF, NAN]))
	print(to_json(PoolIntArray([1, 2])))
	quit()
