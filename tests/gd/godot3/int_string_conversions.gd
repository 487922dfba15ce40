extends SceneTree

func _init():
	print(str(255), " ", String(-7), " ", "%d" % -0)
	print("%x" % 255, " ", "%o" % 8, " ", "%X" % 3054)
	print("12".to_int() + "3".to_int(), " ", "12" + "3", " ", int("12") * 2)
	print("1e2".to_float(), " ", "0.1".to_float() + "0.2".to_float(), " ", "-.5".to_float())
	print("-0".to_int(), " ", "--5".to_int(), " ", "5-".to_int(), " ", "1 2".to_int())
	print(str(0.1 + 0.2) == "0.3", " ", str(10 / 4), " ", str(10 / 4.0))
	quit()
