extends SceneTree

func _init():
	print(lerp(0, 10, 0.25), " ", lerp(10, 20, 1.5), " ", lerp(Vector2(0, 0), Vector2(2, 4), 0.5))
	print(inverse_lerp(0, 10, 2.5), " ", inverse_lerp(10, 20, 5), " ", range_lerp(5, 0, 10, 100, 200))
	print(clamp(15, 0, 10), " ", clamp(-1, 0, 10), " ", clamp(0.5, 0.0, 1.0), " ", clamp(5, 10, 0))
	print(min(3, 7), " ", max(3, 7), " ", min(2.5, 2), " ", max(-1, -1.5))
	print(lerp_angle(0, PI, 0.5), " ", lerp_angle(0.1, TAU - 0.1, 0.5))
	print(ease(0.5, 2.0), " ", ease(0.5, 0.5), " ", ease(0.5, -2.0), " ", ease(0.25, 1.0))
	print(smoothstep(0, 1, 0.5), " ", smoothstep(0, 1, 0.25), " ", smoothstep(0, 10, -1), " ", smoothstep(0, 10, 11))
	print(move_toward(5, 10, 2), " ", move_toward(5, 0, 10), " ", dectime(10, 3, 1))
	quit()
