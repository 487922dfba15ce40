extends SceneTree

func _init():
	print(deg2rad(180), " ", rad2deg(PI), " ", deg2rad(90), " ", rad2deg(1))
	print(sin(0), " ", sin(PI / 2), " ", cos(0), " ", cos(PI), " ", tan(PI / 4))
	print(asin(1), " ", acos(1), " ", atan(1), " ", atan2(1, 1), " ", atan2(-1, -1))
	print(sinh(1), " ", cosh(1), " ", tanh(1))
	print(sqrt(16), " ", sqrt(2), " ", sqrt(-1), " ", pow(2, 8), " ", exp(1), " ", log(exp(2)))
	print(log(0), " ", log(-1), " ", is_nan(sqrt(-1)), " ", is_inf(log(0)), " ", is_nan(1.0), " ", is_inf(1e308 * 10))
	print(is_equal_approx(0.1 + 0.2, 0.3), " ", 0.1 + 0.2 == 0.3, " ", is_zero_approx(1e-10))
	print(cartesian2polar(1, 1), " ", polar2cartesian(2, PI))
	quit()
