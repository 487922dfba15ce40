extends SceneTree

func _init():
	var values = [2147483647, 2147483648, 4294967296, 1099511627776, 9007199254740993, -9007199254740993]
	for v in values:
		print(v, " ", v * 2, " ", v / 3, " ", float(v), " ", str(v).length())
	print(9007199254740993 == 9007199254740992.0)
	print(int(9007199254740993.0))
	print(0x7FFFFFFF + 1, " ", 0xFFFFFFFF, " ", 0x100000000)
	quit()
