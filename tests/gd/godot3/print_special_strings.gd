extends SceneTree

func _init():
	print("tab\there")
	print("unicode: é ñ 漢字 ☺")
	print("quote \" and backslash \\")
	print('single quoted "inside"')
	print("""triple
quoted""")
	print("null char test".length())
	print("emoji length: ", "😀".length())
	print("\u00e9" == "é")
	print("line1\nline2")
	print(["a\tb"])
	print({"k\n": "v"})
	quit()
