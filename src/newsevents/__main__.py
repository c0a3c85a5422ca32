from newsevents.cli import main

main()
