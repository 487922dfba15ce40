extends SceneTree

func _init():
	print(int(2.9), " ", int(-2.9), " ", int(0.5), " ", int(-0.5))
	print(int("12abc"), " ", int("abc"), " ", int("  42"), " ", int("-17"), " ", int("3.9"))
	print(int("0x1F"), " ", int("1e3"), " ", int(""), " ", int("+5"))
	print(float("1e3"), " ", float("2.5xyz"), " ", float("abc"), " ", float(".5"), " ", float("-3"))
	print(int(true), " ", int(false), " ", float(true))
	print(str(5) + "x", " ", str(5.0), " ", str(-0.5))
	print("0x1F".hex_to_int(), " ", "ff".hex_to_int())
	print(int(1e19), " ", int(-1e19))
	print(bool(0), " ", bool(2), " ", bool(""))
	print(round(2.5), " ", round(-2.5), " ", int(round(3.5)))
	quit()
