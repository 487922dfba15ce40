extends SceneTree

func _init():
	var nan = NAN
	print(nan == nan, " ", nan != nan, " ", nan < 1, " ", nan > 1)
	print(INF > 1e308, " ", -INF < -1e308, " ", INF == INF, " ", INF - INF)
	print(is_nan(nan), " ", is_inf(INF), " ", is_inf(-INF), " ", is_nan(INF))
	print(1e308 * 10, " ", -1e308 * 10, " ", 1e-320, " ", 5e-324 / 2)
	var zero = 0.0
	print(-zero, " ", 0.0 == -0.0, " ", str(-zero), " ", 1 / INF)
	print(int(INF), " ", int(-INF), " ", int(NAN))
	print(max(NAN, 1), " ", min(NAN, 1), " ", clamp(NAN, 0, 1))
	print([NAN].has(NAN), " ", [NAN].find(NAN))
	quit()
