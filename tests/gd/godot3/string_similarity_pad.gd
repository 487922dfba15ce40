extends SceneTree

func _init():
	print("godot".similarity("godot"), " ", "godot".similarity("gadot"), " ", "abc".similarity("xyz"), " ", "".similarity(""))
	print("night".similarity("nacht"))
	print("7".pad_zeros(3), " ", "-7".pad_zeros(3), " ", "1.5".pad_zeros(4), " ", "12345".pad_zeros(2))
	print("1.5".pad_decimals(3), " ", "2".pad_decimals(2), " ", "3.14159".pad_decimals(2))
	print("ab" + "ab")
	print(String(5), " ", String(1.5), " ", String([1]), " ", str(null))
	print("%s" % "x".length())
	print("abc".ord_at(1), " ", char(97), " ", ord("A"))
	print("hello".left(2) + "hello".right(3))
	quit()
